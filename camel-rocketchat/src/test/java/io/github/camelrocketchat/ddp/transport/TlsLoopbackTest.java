package io.github.camelrocketchat.ddp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;
import io.github.camelrocketchat.ddp.DdpException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wss://} end to end: a self-signed certificate for 127.0.0.1 (made with the JDK's keytool), trusted
 * through the SSLContext given in the options, which the Tyrus factory passes as SSL_ENGINE_CONFIGURATOR.
 */
class TlsLoopbackTest {
    private static final String PASSWORD = "changeit";
    @TempDir
    static Path dir;
    private static Path keyStore;
    private static LoopbackServer server;

    @BeforeAll
    static void start() throws Exception {
        keyStore = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        server = new LoopbackServer(keyStore, PASSWORD);
        server.onText((s, t) -> {
            try {
                if (t.contains("\"connect\"")) {
                    s.getBasicRemote().sendText("{\"msg\":\"connected\",\"session\":\"tls\"}");
                } else if (t.contains("\"method\"")) {
                    s.getBasicRemote().sendText("{\"msg\":\"result\",\"id\":\"1\",\"result\":\"over tls\"}");
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void wssWorksWithTheGivenSslContext() throws Exception {
        assertThat(server.httpUrl()).startsWith("https://");
        DdpClient client = new DdpClient(DdpClientOptions.builder(server.httpUrl()).name("tls-a")
                .sslContext(trusting(keyStore)).build());
        try {
            assertThat(client.options().url().getScheme()).isEqualTo("wss");
            assertThat(client.connect().get(10, TimeUnit.SECONDS)).isEqualTo("tls");
            assertThat(client.call("m", List.of()).get(10, TimeUnit.SECONDS)).isEqualTo("over tls");
        } finally {
            client.close();
        }
    }

    @Test
    void anUntrustedCertificateFailsTheConnect() {
        DdpClient client = new DdpClient(DdpClientOptions.builder(server.httpUrl()).name("tls-b")
                .connectTimeout(Duration.ofSeconds(5)).build());
        try {
            assertThatThrownBy(() -> client.connect().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DdpException.class)
                    .hasMessageContaining("SSL handshake has failed")
                    .hasStackTraceContaining("PKIX path building failed");
        } finally {
            client.close();
        }
    }
}
