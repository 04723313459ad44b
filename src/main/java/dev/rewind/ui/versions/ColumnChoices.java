package dev.rewind.ui.versions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which metric columns the Versions table shows, remembered per model. */
public interface ColumnChoices {
    /** The metric keys chosen for {@code model}, in column order; empty when none was ever saved. */
    Optional<List<String>> load(String model);

    void save(String model, List<String> metrics);

    /** Remembered while the program runs (tests, and the window when no preferences store is given). */
    static ColumnChoices inMemory() {
        Map<String, List<String>> saved = new ConcurrentHashMap<>();
        return new ColumnChoices() {
            @Override
            public Optional<List<String>> load(String model) {
                return Optional.ofNullable(saved.get(model));
            }

            @Override
            public void save(String model, List<String> metrics) {
                saved.put(model, List.copyOf(metrics));
            }
        };
    }
}
