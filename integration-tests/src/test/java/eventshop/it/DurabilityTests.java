package eventshop.it;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability is on by default: a commit the system acknowledged is on disk. The broker syncs its journal
 * on every transactional commit (read from the running broker's management API) and with datasync (not
 * in the management API: read from the running instance's broker.xml); the PostgreSQL cluster the suite
 * uses runs with fsync and synchronous_commit on (asked of the server itself). The chaos run proves
 * recovery from process crashes; these settings are what make a power cut survivable too, which no test
 * here can show (docs/performance.md).
 */
abstract class DurabilityTests {

    @Test
    void theBrokerSyncsItsJournalOnEveryCommit() throws Exception {
        var broker = Stack.broker();
        assertThat(broker.brokerAttribute("JournalSyncTransactional")).as("journal-sync-transactional").isEqualTo(JsonValue.TRUE);
        assertThat(broker.brokerAttribute("JournalSyncNonTransactional")).as("journal-sync-non-transactional").isEqualTo(JsonValue.TRUE);
    }

    @Test
    void theRunningBrokerWritesItsJournalWithDatasync() throws IOException {
        // The instance's own copy (bin/eventshop copies jms-config/broker.xml there at each start).
        Path brokerXml = Path.of(System.getProperty("it.state.dir"), "broker", "etc", "broker.xml");
        String config = Files.readString(brokerXml).replaceAll("(?s)<!--.*?-->", "");
        assertThat(config).as(brokerXml + ": journal-datasync")
                .contains("<journal-datasync>true</journal-datasync>")
                .doesNotContain("<journal-datasync>false</journal-datasync>");
        assertThat(config).as(brokerXml + ": journal-sync-transactional")
                .contains("<journal-sync-transactional>true</journal-sync-transactional>");
    }

    @Test
    void theDatabaseFlushesEveryCommitToDisk() {
        assertThat(Stack.DB.query("SHOW fsync").get(0).get("fsync")).isEqualTo("on");
        assertThat(Stack.DB.query("SHOW synchronous_commit").get(0).get("synchronous_commit")).isEqualTo("on");
    }
}
