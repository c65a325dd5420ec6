package io.github.camelrocketchat.examples;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts what went wrong while the examples ran: every failed exchange (with its route and error) and every demo
 * check that did not pass. The application exits with 1 when anything is recorded here.
 *
 * <p>Thread-safe: Camel reports failures from route threads, the demo from its own thread.
 */
public class FailureWatch extends EventNotifierSupport {

    private final List<String> failures = new CopyOnWriteArrayList<>();

    public FailureWatch() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeFailedEvent f) {
            Exception e = f.getExchange().getException();
            failures.add("route " + f.getExchange().getFromRouteId() + ": " + (e == null ? "failed" : e.getMessage()));
        }
    }

    /** Records a failure that is not an exchange (a demo check, a route that did not start). */
    public void record(String failure) {
        failures.add(failure);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }
}
