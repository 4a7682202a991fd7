package dev.camelovershoot.examples.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /results/latest}: the latest result as JSON, or 204 No Content while none has arrived. */
@Path("/results")
public class ResultsResource {

    @Inject
    LatestResult latest;

    @GET
    @Path("/latest")
    @Produces(MediaType.APPLICATION_JSON)
    public Response latest() {
        return latest.get().map(r -> Response.ok(r)).orElseGet(Response::noContent).build();
    }
}
