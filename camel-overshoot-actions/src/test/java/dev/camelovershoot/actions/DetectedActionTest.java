package dev.camelovershoot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectedActionTest {

    @Test
    void metadataHoldsWhatJsonReadsBack() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("long", 42L);
        given.put("big", 5_000_000_000L);
        given.put("float", 1.5f);
        given.put("decimal", new BigDecimal("0.25"));
        given.put("list", List.of(1L, "two"));
        given.put("none", null);
        Map<String, Object> asJsonReadsIt = new LinkedHashMap<>();
        asJsonReadsIt.put("long", 42);
        asJsonReadsIt.put("big", 5_000_000_000L);
        asJsonReadsIt.put("float", 1.5);
        asJsonReadsIt.put("decimal", 0.25);
        asJsonReadsIt.put("list", List.of(1, "two"));
        asJsonReadsIt.put("none", null);

        DetectedAction action = new DetectedAction("waving", 1.5, 45, 0.9, null, given);

        assertThat(action.metadata()).containsExactlyEntriesOf(asJsonReadsIt);
        assertThat(action).isEqualTo(new DetectedAction("waving", 1.5, 45, 0.9, null, asJsonReadsIt));
    }

    @Test
    void metadataIsNeverNullAndCannotBeChanged() {
        DetectedAction action = new DetectedAction("waving", 0, 0, 1, null, null);

        assertThat(action.metadata()).isEmpty();
        assertThatThrownBy(() -> DetectedAction.of("a", 0, 0, 1).metadata().put("k", "v"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new DetectedAction("a", 0, 0, 1, null, Map.of("k", "v")).metadata().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesValuesOutOfRange() {
        assertThatThrownBy(() -> DetectedAction.of("a", 0, 0, 1.2)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> DetectedAction.of("a", 0, 0, Double.NaN)).hasMessageContaining("confidence");
        assertThatThrownBy(() -> DetectedAction.of("a", Double.NaN, 0, 0.5)).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> new DetectedAction("a", 0, 0, 0.5, -1.0, null)).hasMessageContaining("duration");
        assertThatThrownBy(() -> DetectedAction.of(null, 0, 0, 0.5)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DetectedAction("a", 0, 0, 0.5, null, Map.of("self", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metadata");
    }
}
