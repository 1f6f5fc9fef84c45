package eventshop.platform.messaging;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * TEST ONLY: a participant of a delivery's XA transaction that votes to commit and then halts this server's JVM
 * (as kill -9 would) when Payara asks it to commit, i.e. after every branch was prepared and Payara logged its
 * decision to commit, before it committed the branches that follow this one (issue 18: an instance dying with
 * transactions in doubt). Enlisted by {@link FaultInjection} before the handler touches the database, so that the
 * database's branch, and any branch of the broker opened after it, stay prepared in the dead instance's name.
 *
 * <p>It has no state to recover: after the halt, recovery finds no branch of it and completes the others.
 */
final class HaltOnCommit implements XAResource {

    private static final Logger LOG = Logger.getLogger(HaltOnCommit.class.getName());

    private final String reason;
    private final Runnable halt;
    private int timeout;

    HaltOnCommit(String reason, Runnable halt) {
        this.reason = reason;
        this.halt = halt;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        // SEVERE, so that it is in server.log whatever the levels: the last line before the halt.
        LOG.log(Level.SEVERE, "TEST FAULT: halting this server on the commit of {0} ({1})", new Object[] {xid, reason});
        halt.run();
    }

    @Override
    public int prepare(Xid xid) {
        // XA_OK, not XA_RDONLY: a read-only participant is left out of the commit phase.
        return XA_OK;
    }

    @Override
    public void start(Xid xid, int flags) {
        // nothing to associate
    }

    @Override
    public void end(Xid xid, int flags) {
        // nothing to dissociate
    }

    @Override
    public void rollback(Xid xid) {
        // nothing was done
    }

    @Override
    public void forget(Xid xid) {
        // never heuristic
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        // its own branch, so that Payara prepares and commits it apart from the database and the broker
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return timeout;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        timeout = seconds;
        return true;
    }
}
