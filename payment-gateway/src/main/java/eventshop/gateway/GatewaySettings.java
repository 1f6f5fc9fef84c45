package eventshop.gateway;

import org.eclipse.microprofile.config.Config;

/**
 * The simulator's settings. Payara Micro reads MicroProfile Config from system properties, so each
 * can be given as {@code -Dgateway.latency.ms=50} on the command line; {@code gateway.sessions} (default 4) is how
 * many requests it answers at once.
 */
record GatewaySettings(String brokerUrl, String user, String password, long latencyMillis, boolean refuseRefunds,
                       int sessions) {

    static GatewaySettings from(Config config) {
        return new GatewaySettings(
                read(config, "gateway.broker.url", String.class, "tcp://127.0.0.1:61616"),
                read(config, "gateway.broker.user", String.class, "gateway"),
                // No default: a password lives in the configuration (bin/eventshop passes it), never in code.
                config.getValue("gateway.broker.password", String.class),
                read(config, "gateway.latency.ms", Long.class, 5L),
                read(config, "gateway.refunds.refuse", Boolean.class, false),
                Math.max(1, read(config, "gateway.sessions", Integer.class, 4)));
    }

    private static <T> T read(Config config, String name, Class<T> type, T defaultValue) {
        return config.getOptionalValue(name, type).orElse(defaultValue);
    }

    /** For the log: everything but the password. */
    @Override
    public String toString() {
        return brokerUrl + " as " + user + ", latency " + latencyMillis + " ms, refunds "
                + (refuseRefunds ? "refused" : "accepted")
                + ", " + sessions + " session(s)";
    }
}
