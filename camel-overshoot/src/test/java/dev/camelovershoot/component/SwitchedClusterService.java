package dev.camelovershoot.component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * A Camel cluster service of one member whose leadership of each namespace the test hands out and takes back: the
 * events Camel's file-lock, Kubernetes and ZooKeeper services fire when a node wins or loses a lock, on demand.
 */
final class SwitchedClusterService extends AbstractCamelClusterService<SwitchedClusterService.View> {

    private final Map<String, View> views = new ConcurrentHashMap<>();

    SwitchedClusterService() {
        super("switched");
    }

    /** Makes this member the leader of {@code namespace}, or a follower; the namespace's view must be in use. */
    void lead(String namespace, boolean leading) {
        View view = views.get(namespace);
        if (view == null) {
            throw new IllegalStateException("nothing uses the namespace " + namespace);
        }
        view.lead(leading);
    }

    @Override
    protected View createView(String namespace) {
        View view = new View(this, namespace);
        views.put(namespace, view);
        return view;
    }

    static final class View extends AbstractCamelClusterView {

        private final CamelClusterMember local = new Member();
        private volatile boolean leader;

        private View(CamelClusterService service, String namespace) {
            super(service, namespace);
        }

        private void lead(boolean leading) {
            leader = leading;
            fireLeadershipChangedEvent(leading ? local : null);
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return leader ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        protected void doStart() {
            // leadership comes from lead()
        }

        @Override
        protected void doStop() {
            leader = false;
        }

        private final class Member implements CamelClusterMember {

            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return getClusterService().getId();
            }
        }
    }
}
