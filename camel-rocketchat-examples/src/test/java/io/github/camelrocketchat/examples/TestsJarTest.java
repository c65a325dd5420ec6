package io.github.camelrocketchat.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelrocketchat.testserver.RocketChatTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@code tests} jar this module depends on, exactly as the README's snippet says, holds the test server and its
 * JUnit 5 extension, and none of camel-rocketchat's own tests.
 */
class TestsJarTest {

    @Test
    void theTestsJarHoldsTheTestServerAndNothingElse() throws Exception {
        Path location = Path.of(RocketChatTestServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // an IDE may put camel-rocketchat's test-classes directory here instead of the jar Maven builds
        Assumptions.assumeTrue(Files.isRegularFile(location), "the test server comes from " + location + ", not a jar");
        try (JarFile jar = new JarFile(location.toFile())) {
            List<String> classes = Collections.list(jar.entries()).stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class")).toList();
            assertThat(classes).contains("io/github/camelrocketchat/testserver/RocketChatTestServer.class",
                    "io/github/camelrocketchat/testserver/RocketChatTestServerExtension.class",
                    "io/github/camelrocketchat/testserver/TestClock.class");
            assertThat(classes).allMatch(n -> n.startsWith("io/github/camelrocketchat/testserver/"));
            assertThat(classes).noneMatch(n -> n.endsWith("Test.class") || n.contains("Test$") || n.contains("ServerTestSupport"));
        }
    }
}
