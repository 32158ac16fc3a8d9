package io.mandate.refhost.web;

import io.mandate.refhost.ProductNode;
import io.mandate.refhost.plugin.PluginDescriptor;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import javax.ws.rs.Path;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mounts a plugin's {@code <rest>} module with Jersey 2 at {@code /rest/<path>/<version>}:
 * resources and providers from the module's packages, created and autowired by the plugin's
 * Spring context, behind the Platform 7 access rules.
 */
public final class PluginRest {

    private PluginRest() {
    }

    public static ServletContainer servlet(ProductNode node, PluginDescriptor.Rest rest) {
        ResourceConfig config = new ResourceConfig();
        for (Class<?> type : node.plugin().classesIn(rest.packages())) {
            if (type.isAnnotationPresent(Path.class) || type.isAnnotationPresent(Provider.class)) {
                config.register(node.plugin().moduleObject(type.getName(), Object.class));
            }
        }
        config.register(JacksonFeature.class);
        config.register(new RestAccessFilter(node.world()));
        config.register(new UnexpectedErrorMapper());
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        return new ServletContainer(config);
    }

    public static String mountPath(PluginDescriptor.Rest rest) {
        String path = rest.path().startsWith("/") ? rest.path() : "/" + rest.path();
        return "/rest" + path + "/" + rest.version() + "/*";
    }

    /**
     * What Jira does with an exception the plugin did not handle: 500 with a JSON body, logged.
     * Tests treat any 500 as a bug in the plugin.
     */
    static final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof javax.ws.rs.WebApplicationException web) {
                Response r = web.getResponse();
                return Response.status(r.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("message", String.valueOf(e.getMessage()), "errors", Map.of())).build();
            }
            LOG.log(Level.SEVERE, "Unhandled exception in plugin REST resource", e);
            return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("message", "Internal server error", "errors", Map.of())).build();
        }
    }
}
