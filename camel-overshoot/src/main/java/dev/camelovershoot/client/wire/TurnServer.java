package dev.camelovershoot.client.wire;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A TURN server offered with a WebRTC answer.
 *
 * @param urls       one or more {@code turn:}/{@code turns:} URLs (the service may send a single string)
 * @param username   the TURN user name
 * @param credential the TURN password
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TurnServer(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> urls,
                         String username, String credential) {

    @Override
    public String toString() {
        return "TurnServer[urls=" + urls + ", username=" + username + ", credential=" + Mask.secret(credential) + "]";
    }
}
