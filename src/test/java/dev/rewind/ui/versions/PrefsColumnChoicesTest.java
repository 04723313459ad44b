package dev.rewind.ui.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

class PrefsColumnChoicesTest {
    @Test
    void choicesSurviveANewStoreOnTheSameNode() throws Exception {
        Preferences node = Preferences.userRoot().node("dev/rewind/test-" + UUID.randomUUID());
        try {
            new PrefsColumnChoices(node).save("fraud-detector", List.of("auc", "latency_ms@val"));
            new PrefsColumnChoices(node).save("x".repeat(300), List.of());
            PrefsColumnChoices again = new PrefsColumnChoices(node);
            assertThat(again.load("fraud-detector")).contains(List.of("auc", "latency_ms@val"));
            assertThat(again.load("x".repeat(300))).as("a long name, hashed").contains(List.of());
            assertThat(again.load("churn")).isEmpty();
        } finally {
            node.removeNode();
        }
    }

    @Test
    void theUsersStoreFindsItsNodeWhenFirstUsed() throws Exception {
        String path = "dev/rewind/test-" + UUID.randomUUID();
        PrefsColumnChoices store = PrefsColumnChoices.user(path);
        assertThat(Preferences.userRoot().nodeExists(path)).as("made, not used").isFalse();
        try {
            assertThat(store.load("fraud-detector")).isEmpty();
            store.save("fraud-detector", List.of("auc"));
            assertThat(Preferences.userRoot().nodeExists(path)).isTrue();
            assertThat(new PrefsColumnChoices(Preferences.userRoot().node(path)).load("fraud-detector"))
                    .contains(List.of("auc"));
        } finally {
            Preferences.userRoot().node(path).removeNode();
        }
    }
}
