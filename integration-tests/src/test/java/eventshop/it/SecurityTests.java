package eventshop.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Base64;
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
 * client, a broker user cannot reach another party's destinations (the users and their rights:
 * jms-config/broker.xml), and Payara's admin REST API (HTTPS, secure admin) refuses a request without
 * credentials. Each refusal is paired with the same request
 * made by someone who is allowed, so a test cannot pass because the thing asked for does not exist.
 */
abstract class SecurityTests {

    private static final String BROKER = System.getProperty("it.broker.url");
    private static final String APP_USER = System.getProperty("it.broker.app.user");
    private static final String APP_PASSWORD = System.getProperty("it.broker.app.password");
    private static final String GATEWAY_PASSWORD = System.getProperty("it.broker.gateway.password");
    private static final String CUSTOMERS_PASSWORD = System.getProperty("it.broker.customers.password");
    private static final String NOTIFICATIONS_PASSWORD = System.getProperty("it.broker.notifications.password");
    private static final String ORDERS_SUBSCRIPTION = "eventshop.*.events::orders";
    private static final String GATEWAY_REQUESTS = "eventshop.payments.gateway-requests";
    private static final String GATEWAY_REPLIES = "eventshop.payments.gateway-replies";

    @Test
    void theBrokerRefusesAWrongPassword() throws JMSException {
        assertThatThrownBy(() -> connect(APP_USER, APP_PASSWORD + "-wrong"))
                .isInstanceOf(JMSSecurityException.class);
        connect(APP_USER, APP_PASSWORD).close();
    }

    @Test
    void theBrokerRefusesAnAnonymousClient() {
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(BROKER).createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void theGatewaysUserCannotConsumeAServiceSubscription() throws JMSException {
        try (Connection gateway = connect("gateway", GATEWAY_PASSWORD);
             Session session = gateway.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(ORDERS_SUBSCRIPTION)))
                    .isInstanceOf(JMSSecurityException.class);
            // The same user may look into its own queue (a browser takes nothing away from the gateway).
            try (var browser = session.createBrowser(session.createQueue(GATEWAY_REQUESTS))) {
                browser.getEnumeration().hasMoreElements();
            }
        }
    }

    @Test
    void theGatewaysUserCannotPublishOnAServiceTopic() throws JMSException {
        try (Connection gateway = connect("gateway", GATEWAY_PASSWORD);
             Session session = gateway.createSession(false, Session.AUTO_ACKNOWLEDGE);
             var producer = session.createProducer(session.createTopic("eventshop.orders.events"))) {
            // Persistent sends are acknowledged by the broker, so a refusal reaches the sender.
            assertThatThrownBy(() -> producer.send(session.createTextMessage("{}")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void thePublishersUserConsumesNothing() throws JMSException {
        try (Connection publisher = connect(APP_USER, APP_PASSWORD);
             Session session = publisher.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(GATEWAY_REQUESTS)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(ORDERS_SUBSCRIPTION)))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aServicesUserCannotPublishAnotherServicesEvents() throws JMSException {
        try (Connection customers = connect("customers", CUSTOMERS_PASSWORD);
             Session session = customers.createSession(false, Session.AUTO_ACKNOWLEDGE);
             var producer = session.createProducer(session.createTopic("eventshop.orders.events"))) {
            assertThatThrownBy(() -> producer.send(session.createTextMessage("{}")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aServicesUserCannotConsumeAnotherServicesWorkQueue() throws JMSException {
        try (Connection notifications = connect("notifications", NOTIFICATIONS_PASSWORD);
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
