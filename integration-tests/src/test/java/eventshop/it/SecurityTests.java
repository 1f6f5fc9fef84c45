package eventshop.it;

import eventshop.clients.AdminTls;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.HttpsURLConnection;
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
            assertRefusedToConsume(session, session.createQueue(subscriptionQueue("customers")));
            // ... or listening on a topic with a subscription of its own.
            assertRefusedToConsume(session, session.createTopic("eventshop.warehouse.events"));
            assertRefusedToConsume(session, session.createQueue(Shop.GATEWAY_REPLIES));
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
            assertRefusedToConsume(session, session.createQueue(deadLetters("orders")));
            assertRefusedToConsume(session, session.createQueue(deadLetters("customers")));
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
            assertRefusedToConsume(session, session.createQueue(subscriptionQueue("orders")));
            assertRefusedToConsume(session, session.createQueue(OUTBOX));
        }
    }

    @Test
    void theGatewaysUserCannotConsumeAServiceSubscription() throws JMSException {
        try (Connection gateway = connect("gateway", password("gateway"));
             Session session = gateway.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertRefusedToConsume(session, session.createQueue(subscriptionQueue("orders")));
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
            assertRefusedToConsume(session, session.createQueue(Shop.GATEWAY_REPLIES));
            assertRefusedToConsume(session, session.createQueue(GATEWAY_REQUESTS));
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

    /** Attaching a consumer is refused; the selector matches nothing, should the broker let it through. */
    private static void assertRefusedToConsume(Session session, Destination destination) {
        assertThatThrownBy(() -> session.createConsumer(destination, NOTHING))
                .as("consuming from " + destination).isInstanceOf(JMSSecurityException.class);
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
        AdminTls.trustSelfSigned(connection);
        connection.setRequestProperty("Accept", "application/json");
        if (credentials != null) {
            connection.setRequestProperty("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
        }
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
