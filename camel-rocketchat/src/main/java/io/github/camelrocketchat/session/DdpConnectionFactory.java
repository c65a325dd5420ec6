package io.github.camelrocketchat.session;

import io.github.camelrocketchat.ddp.DdpClient;
import io.github.camelrocketchat.ddp.DdpClientOptions;

/** Creates the DDP connection of a session. The default opens a real {@link DdpClient}; tests plug in fakes. */
@FunctionalInterface
public interface DdpConnectionFactory {
    DdpConnectionFactory DEFAULT = options -> DdpConnection.of(new DdpClient(options));

    DdpConnection create(DdpClientOptions options);
}
