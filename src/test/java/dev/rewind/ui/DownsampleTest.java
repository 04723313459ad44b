package dev.rewind.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.ui.compare.Downsample;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsampleTest {
    @Test
    void smallSeriesAreKeptWhole() {
        assertThat(Downsample.minMax(new double[] {1, 2, 3}, 10)).containsExactly(0, 1, 2);
    }

    @Test
    void largeSeriesKeepTheirExtremesAndEnds() {
        double[] ys = new Random(1).doubles(5000).toArray();
        ys[1234] = 99;
        ys[4321] = -99;
        List<Integer> keep = Downsample.minMax(ys, 150);
        assertThat(keep.size()).isLessThanOrEqualTo(3 * 150 + 1).isGreaterThan(150);
        assertThat(keep).contains(0, 4999, 1234, 4321).isSorted().doesNotHaveDuplicates();
    }
}
