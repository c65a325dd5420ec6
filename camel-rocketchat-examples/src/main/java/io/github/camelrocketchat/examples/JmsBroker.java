package io.github.camelrocketchat.examples;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JMS broker of route 7 (the JMS bridge): the one at {@code examples.jms.broker-url} when it is set, otherwise an
 * embedded Apache ActiveMQ Artemis that this class starts and stops.
 *
 * <p>The embedded broker listens on 127.0.0.1 only, on a random free port (so several copies of the application, and
 * the tests, never collide), and the routes reach it over TCP exactly as they would reach a real broker: only the URL
 * differs. It keeps messages in memory (no journal, no paging, no files): they survive a route restart or a lost
 * client connection, not the end of the JVM; for that, point {@code examples.jms.broker-url} at a real broker.
 */
public final class JmsBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("demo");

    /** An address refuses new messages beyond this size, rather than paging them to disk. */
    static final long MAX_ADDRESS_BYTES = 32L * 1024 * 1024;

    private final EmbeddedActiveMQ embedded;
    private final String url;
    private final ActiveMQConnectionFactory connectionFactory;

    private JmsBroker(EmbeddedActiveMQ embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        this.connectionFactory = new ActiveMQConnectionFactory(url, user, password);
    }

    /** The configured broker when {@code examples.jms.broker-url} is set, else a started embedded one. */
    public static JmsBroker open(ExampleSettings settings) throws Exception {
        String url = settings.property("examples.jms.broker-url", null);
        if (url != null) {
            LOG.info("JMS bridge on the broker at {}", url);
            return new JmsBroker(null, url, settings.property("examples.jms.user", null),
                    settings.property("examples.jms.password", null));
        }
        return startEmbedded();
    }

    /** Starts an embedded broker on a random 127.0.0.1 port. */
    public static JmsBroker startEmbedded() throws Exception {
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ().setConfiguration(configuration());
        embedded.start();
        try {
            NettyAcceptor acceptor = (NettyAcceptor) embedded.getActiveMQServer().getRemotingService().getAcceptor("loopback");
            String url = "tcp://127.0.0.1:" + acceptor.getActualPort();
            LOG.info("Embedded JMS broker (Apache ActiveMQ Artemis, in memory) on {}", url);
            return new JmsBroker(embedded, url, null, null);
        } catch (RuntimeException e) {
            embedded.stop();
            throw e;
        }
    }

    private static Configuration configuration() throws Exception {
        AddressSettings everyAddress = new AddressSettings()
                // a message whose route keeps failing (the room refuses it) is retried a few times, then parked in DLQ
                // instead of being dropped or blocking the queue forever
                .setMaxDeliveryAttempts(5)
                .setRedeliveryDelay(500)
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setAutoCreateDeadLetterResources(true)
                // in memory only: a full address fails the sender instead of paging to disk
                .setMaxSizeBytes(MAX_ADDRESS_BYTES)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL);
        return new ConfigurationImpl()
                .setName("rocketchat-examples")
                .setPersistenceEnabled(false)
                // loopback only, so nobody else can reach it: no users or roles to set up
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("loopback", "tcp://127.0.0.1:0?protocols=CORE")
                .addAddressSetting("#", everyAddress);
    }

    /** The broker's URL ({@code tcp://127.0.0.1:port} when embedded). */
    public String url() {
        return url;
    }

    /** True when this class started the broker. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** A Jakarta JMS connection factory for the broker, bound as {@code jmsConnectionFactory} for camel-jms. */
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** The messages waiting on a queue of the embedded broker (tests, the demo); -1 when not embedded. */
    public long messageCount(String queue) {
        if (embedded == null) {
            return -1;
        }
        var q = embedded.getActiveMQServer().locateQueue(queue);
        return q == null ? 0 : q.getMessageCount();
    }

    @Override
    public void close() throws Exception {
        connectionFactory.close();
        if (embedded != null) {
            embedded.stop();
        }
    }
}
