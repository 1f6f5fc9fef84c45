package eventshop.it;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration suite: the real EAR is deployed ONCE to the real Payara Server (with the real
 * Artemis broker and PostgreSQL that the build started), and every test group runs against that one
 * deployment as a {@link Nested} class. Each group's tests live in their own abstract class; add a
 * group by adding one line here. Chaos runs last, whatever is added (its {@link Order} is the highest, the
 * others have the default): it kills and restarts the broker and the server.
 */
@ExtendWith(ArquillianExtension.class)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class EventShopIT {

    @ArquillianResource
    private URL deployedAt;

    @Deployment(testable = false, name = "eventshop")
    static EnterpriseArchive ear() {
        return ShrinkWrap.create(ZipImporter.class, "eventshop.ear")
                .importFrom(new File(System.getProperty("eventshop.ear")))
                .as(EnterpriseArchive.class);
    }

    @AfterAll
    static void disconnect() throws Exception {
        Stack.close();
    }

    @Test
    void theEarIsDeployedAtTheServerRoot() {
        assertThat(deployedAt.toString()).isEqualTo(Stack.BASE.toString());
    }

    @Nested
    class Foundation extends FoundationTests {
    }

    @Nested
    class OrderFlows extends OrderFlowTests {
    }

    @Nested
    class BadRequests extends BadRequestTests {
    }

    @Nested
    class ContradictingEvents extends ContradictingEventsTests {
    }

    @Nested
    class VersioningAndOrdering extends VersioningAndOrderingTests {
    }

    @Nested
    class Compensations extends CompensationTests {
    }

    @Nested
    class Replay extends ReplayTests {
    }

    @Nested
    class Guarantees extends GuaranteeTests {
    }

    @Nested
    class Observability extends ObservabilityTests {
    }

    @Nested
    class Security extends SecurityTests {
    }

    @Nested
    class OperatorApi extends OperatorApiTests {
    }

    @Nested
    class OperatorPage extends OperatorPageTests {
    }

    @Nested
    class Durability extends DurabilityTests {
    }

    @Nested
    class Outbox extends OutboxTests {
    }

    /**
     * After the groups that place orders (their card numbers too must be nowhere), before contracts, recovery and
     * chaos: no card number in any table, message, mail or log.
     */
    @Nested
    @Order(Integer.MAX_VALUE - 4)
    class CardNumbers extends CardNumberTests {
    }

    /** After the groups that publish every kind of event, before recovery and chaos: each event against /asyncapi. */
    @Nested
    @Order(Integer.MAX_VALUE - 3)
    class Contracts extends ContractTests {
    }

    /** After the groups, before recovery and chaos: the broker is killed, orders are taken, the broker restarted. */
    @Nested
    @Order(Integer.MAX_VALUE - 2)
    class BrokerOutage extends BrokerOutageTests {
    }

    /** After the groups, before chaos: the broker dies in the commit phase of a delivery and is restarted. */
    @Nested
    @Order(Integer.MAX_VALUE - 1)
    class Recovery extends RecoveryTests {
    }

    /** Last: the broker and Payara are killed and restarted under everybody's connections. */
    @Nested
    @Order(Integer.MAX_VALUE)
    class Chaos extends ChaosTests {
    }
}
