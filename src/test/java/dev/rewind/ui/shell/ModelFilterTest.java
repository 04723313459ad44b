package dev.rewind.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.domain.ModelSummary;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ModelFilterTest {
    private static ModelSummary model(String name) {
        return new ModelSummary(name.hashCode(), name, 1, "1", null, List.of());
    }

    private final ModelFilter filter = new ModelFilter();
    private final List<ModelSummary> models = List.of(model("Churn-Predictor"), model("fraud-detector"),
            model("recsys-ranker-xl"), model("ÉTÉ-forecast"));

    private List<String> kept(String text) {
        Predicate<ModelSummary> p = filter.matching(text);
        return models.stream().filter(m -> p == null || p.test(m)).map(ModelSummary::name).toList();
    }

    @Test
    void keepsTheModelsWhoseNameContainsTheTextIgnoringCaseAndBlanks() {
        filter.index(models);
        assertThat(kept("churn")).containsExactly("Churn-Predictor");
        assertThat(kept("  DETECT ")).containsExactly("fraud-detector");
        assertThat(kept("OR")).containsExactly("Churn-Predictor", "fraud-detector", "ÉTÉ-forecast");
        assertThat(kept("été")).containsExactly("ÉTÉ-forecast");
        assertThat(kept("nothing-like-it")).isEmpty();
    }

    @Test
    void alsoKeepsTheModelsWhoseOwnOrWhoseVersionsTagsContainTheText() {
        ModelSummary tagged = new ModelSummary(7, "ranker", 3, "3", null, List.of(), List.of("owner", "owner=Ana", "stable"));
        List<ModelSummary> all = List.of(model("fraud-detector"), tagged);
        filter.index(all);
        assertThat(all.stream().filter(filter.matching("stable")).map(ModelSummary::name)).containsExactly("ranker");
        assertThat(all.stream().filter(filter.matching("owner=ana")).map(ModelSummary::name)).containsExactly("ranker");
        assertThat(all.stream().filter(filter.matching("kerown")).map(ModelSummary::name))
                .as("no match across the name and a tag").isEmpty();
    }

    @Test
    void alsoKeepsTheModelsOneOfWhoseVersionDescriptionsContainsTheText() {
        filter.index(models);
        filter.indexDescriptions(java.util.Map.of("fraud-detector", List.of("Retrained on November data", "Hotfix"),
                "recsys-ranker-xl", List.of("baseline")));
        assertThat(kept("NOVEMBER")).containsExactly("fraud-detector");
        assertThat(kept("hotfix")).containsExactly("fraud-detector");
        assertThat(kept("datahot")).as("no match across two descriptions").isEmpty();
        filter.indexDescriptions(java.util.Map.of());
        assertThat(kept("november")).as("descriptions read again replace the old ones").isEmpty();
    }

    @Test
    void anEmptyFilterKeepsEverythingWithoutTestingEachModel() {
        filter.index(models);
        assertThat(filter.matching("")).isNull();
        assertThat(filter.matching("   ")).isNull();
        assertThat(filter.matching(null)).isNull();
    }

    @Test
    void aModelShownBeforeItWasIndexedIsStillMatchedByItsName() {
        filter.index(List.of());
        assertThat(kept("fraud")).containsExactly("fraud-detector");
    }

    @Test
    void reindexingForgetsTheModelsOfTheListBefore() {
        filter.index(models);
        ModelSummary renamedObject = model("fraud-detector");
        filter.index(List.of(renamedObject));
        assertThat(filter.matching("fraud").test(renamedObject)).isTrue();
        assertThat(filter.matching("churn").test(renamedObject)).isFalse();
    }
}
