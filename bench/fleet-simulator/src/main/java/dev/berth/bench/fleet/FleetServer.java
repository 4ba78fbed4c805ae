package dev.berth.bench.fleet;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;

/**
 * One MINA SSH server on an ephemeral loopback port, shared by every node: the relays in front of
 * the node ports connect here, and {@link NodeDirectory} tells the nodes apart. Only the one
 * client key, for the one user, is accepted.
 */
final class FleetServer implements AutoCloseable {
    private final SshServer server;

    FleetServer(KeyPair hostKey, PublicKey clientKey, String user, List<String> keyExchanges, NodeDirectory directory,
                MutationLog mutations) {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        // the relay already delays each byte; Nagle's wait on loopback would only add noise
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        CoreModuleProperties.SOCKET_BACKLOG.set(server, 1024);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        if (!keyExchanges.isEmpty()) {
            server.setKeyExchangeFactories(server.getKeyExchangeFactories().stream()
                    .filter(factory -> keyExchanges.contains(factory.getName())).toList());
        }
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setPublickeyAuthenticator((username, key, session) ->
                username.equals(user) && KeyUtils.compareKeys(key, clientKey));
        Clock clock = Clock.systemUTC();
        server.setCommandFactory((channel, command) -> new ExecCommand(command, directory, clock, mutations));
    }

    InetSocketAddress start() throws IOException {
        server.start();
        return (InetSocketAddress) server.getBoundAddresses().iterator().next();
    }

    int activeSessions() {
        return server.getActiveSessions().size();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
