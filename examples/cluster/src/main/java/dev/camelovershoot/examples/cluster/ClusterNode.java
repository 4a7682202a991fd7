package dev.camelovershoot.examples.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * One node of the cluster: {@link ClusteredCamerasRoutes} run by camel-main, configured by application.properties
 * (the cluster service, the cameras, Overshoot). Start the same application on every node.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new ClusteredCamerasRoutes());
        main.addMainListener(new ClusterServices());
        main.run(args);
    }

    /**
     * Makes the cluster service declared with {@code camel.beans.*} a service of the context, where the master
     * component finds it: camel-main 4.18 looks for cluster services in the registry before it binds those beans.
     */
    private static final class ClusterServices extends MainListenerSupport {

        @Override
        public void afterConfigure(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            for (CamelClusterService service : context.getRegistry().findByType(CamelClusterService.class)) {
                if (!context.hasService(service)) {
                    try {
                        context.addService(service);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot add the cluster service " + service.getId(), e);
                    }
                }
            }
        }
    }
}
