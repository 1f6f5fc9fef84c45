package eventshop.it;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may touch the messaging and the server: the broker refuses a wrong password and an anonymous
 * client; each service's broker user sends only to its own topic, queues and dead-letter queue and consumes
 * only its own subscription; the operator API's user handles dead letters and nothing else; the gateway
 * keeps to its two queues (the users and their rights: jms-config/broker.xml). Payara's admin REST API
 * (HTTPS, secure admin) refuses a request without credentials. Each refusal is paired with the same kind of
 * request made by someone who is allowed, so a test cannot pass because the thing asked for does not exist.
 */
abstract class SecurityTests {

    private static final String BROKER = System.getProperty("it.broker.url");
    private static final String SERVICES_TOPIC = "eventshop.orders.events";
    private static final String GATEWAY_REQUESTS = "eventshop.payments.gateway-requests";
    private static final String GATEWAY_REPLIES = "eventshop.payments.gateway-replies";
    private static final String OUTBOX = "eventshop.notifications.outbox";
    /** A selector no message matches: a consumer allowed to attach takes nothing from the running services. */
    private static final String NOTHING = "testMarker = 'security-tests-take-nothing'";

    @Test
    void theBrokerRefusesAWrongPassword() throws JMSException {
        assertThatThrownBy(() -> connect("orders", password("orders") + "-wrong"))
                .isInstanceOf(JMSSecurityException.class);
        connect("orders", password("orders")).close();
    }

    @Test
    void theBrokerRefusesAnAnonymousClient() {
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(BROKER).createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aServicesUserSendsOnlyToItsOwnTopicQueuesAndDeadLetters() throws JMSException {
        try (Connection customers = connect("customers", password("customers"));
             Session session = customers.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertRefusedToSend(session, session.createTopic(SERVICES_TOPIC));
            assertRefusedToSend(session, session.createQueue(GATEWAY_REQUESTS));
            assertRefusedToSend(session, session.createQueue(OUTBOX));
            assertRefusedToSend(session, session.createQueue(deadLetters("orders")));
            // Nor straight into another service's subscription, as a replay would.
            assertRefusedToSend(session, session.createTopic(subscriptionAddress("orders")));

            // Its own dead-letter queue it may send to; the test takes the message away again.
            String marker = UUID.randomUUID().toString();
            try (var producer = session.createProducer(session.createQueue(deadLetters("customers")))) {
                var message = session.createTextMessage("{}");
                message.setStringProperty("testMarker", marker);
                producer.send(message);
            }
            try (var cleanUp = Stack.broker().consume(deadLetters("customers"), "testMarker = '" + marker + "'")) {
                assertThat(cleanUp.receive(5000)).isNotNull();
            }
        }
    }

    @Test
    void aServicesUserConsumesOnlyItsOwnSubscription() throws JMSException {
        try (Connection orders = connect("orders", password("orders"));
             Session session = orders.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            // Attaching to another service's subscription by its fully qualified name, ...
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(subscriptionQueue("customers")), NOTHING))
                    .isInstanceOf(JMSSecurityException.class);
            // ... or listening on a topic with a subscription of its own.
            assertThatThrownBy(() -> session.createConsumer(session.createTopic("eventshop.warehouse.events")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(GATEWAY_REPLIES), NOTHING))
                    .isInstanceOf(JMSSecurityException.class);
            // Its own subscription it may consume (as its MDBs do).
            session.createConsumer(session.createQueue(subscriptionQueue("orders")), NOTHING).close();
        }
    }

    @Test
    void aServicesUserCannotReadDeadLettersNotEvenItsOwn() throws JMSException {
        try (Connection customers = connect("customers", password("customers"));
             Session session = customers.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> session.createBrowser(session.createQueue(deadLetters("orders"))).getEnumeration())
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(deadLetters("orders")), NOTHING))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(deadLetters("customers")), NOTHING))
                    .isInstanceOf(JMSSecurityException.class);
        }
        // The operator API's user reads them.
        try (Connection ops = connect("ops", password("ops"));
             Session session = ops.createSession(false, Session.AUTO_ACKNOWLEDGE);
             var browser = session.createBrowser(session.createQueue(deadLetters("orders")))) {
            browser.getEnumeration().hasMoreElements();
        }
    }

    @Test
    void theOperatorApisUserNeitherPublishesEventsNorConsumesSubscriptions() throws JMSException {
        try (Connection ops = connect("ops", password("ops"));
             Session session = ops.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertRefusedToSend(session, session.createTopic(SERVICES_TOPIC));
            assertRefusedToSend(session, session.createQueue(GATEWAY_REQUESTS));
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(subscriptionQueue("orders")), NOTHING))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(OUTBOX), NOTHING))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void theGatewaysUserCannotConsumeAServiceSubscription() throws JMSException {
        try (Connection gateway = connect("gateway", password("gateway"));
             Session session = gateway.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(subscriptionQueue("orders")), NOTHING))
                    .isInstanceOf(JMSSecurityException.class);
            // The same user may look into its own queue (a browser takes nothing away from the gateway).
            try (var browser = session.createBrowser(session.createQueue(GATEWAY_REQUESTS))) {
                browser.getEnumeration().hasMoreElements();
            }
        }
    }

    @Test
    void theGatewaysUserCannotPublishOnAServiceTopic() throws JMSException {
        try (Connection gateway = connect("gateway", password("gateway"));
             Session session = gateway.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertRefusedToSend(session, session.createTopic(SERVICES_TOPIC));
        }
    }

    @Test
    void aServicesUserCannotConsumeAnotherServicesWorkQueue() throws JMSException {
        try (Connection notifications = connect("notifications", password("notifications"));
             Session session = notifications.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(GATEWAY_REPLIES)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(GATEWAY_REQUESTS)))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void payarasAdminRestApiRefusesARequestWithoutCredentials() throws Exception {
        assertThat(adminRest(null)).isEqualTo(401);
        String credentials = System.getProperty("it.admin.user") + ":" + System.getProperty("it.admin.password");
        assertThat(adminRest(credentials)).isEqualTo(200);
    }

    private static Connection connect(String user, String password) throws JMSException {
        return new ActiveMQConnectionFactory(BROKER, user, password).createConnection();
    }

    /** The broker user's password, as bin/eventshop passes it (it.broker.<user>.password). */
    private static String password(String user) {
        return System.getProperty("it.broker." + user + ".password");
    }

    /** Persistent sends are acknowledged by the broker, so a refusal reaches the sender. */
    private static void assertRefusedToSend(Session session, Destination destination) throws JMSException {
        try (var producer = session.createProducer(destination)) {
            assertThatThrownBy(() -> producer.send(session.createTextMessage("{}")))
                    .as("sending to " + destination).isInstanceOf(JMSSecurityException.class);
        }
    }

    private static String subscriptionAddress(String service) {
        return "eventshop." + service + ".subscription";
    }

    /** A service's subscription queue by its fully qualified name, address::queue. */
    private static String subscriptionQueue(String service) {
        return subscriptionAddress(service) + "::" + service;
    }

    private static String deadLetters(String service) {
        return "eventshop." + service + ".dlq";
    }

    /** GET /management/domain on the admin port over HTTPS; the status code. */
    private static int adminRest(String credentials) throws Exception {
        var url = URI.create("https://127.0.0.1:" + System.getProperty("it.admin.port") + "/management/domain").toURL();
        var connection = (HttpsURLConnection) url.openConnection();
        // The domain's certificate is self-signed and names the machine, not 127.0.0.1.
        connection.setSSLSocketFactory(trustingEveryCertificate());
        connection.setHostnameVerifier((host, session) -> true);
        connection.setRequestProperty("Accept", "application/json");
        if (credentials != null) {
            connection.setRequestProperty("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
        }
        try {
            return connection.getResponseCode();
        } finally {
            ((HttpURLConnection) connection).disconnect();
        }
    }

    private static javax.net.ssl.SSLSocketFactory trustingEveryCertificate() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context.getSocketFactory();
    }
}
