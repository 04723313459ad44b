package dev.rewind.ui.timeline;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Text widths in one font, measured by {@link Text} layout bounds and remembered, since labels repeat every frame. */
final class TextMeasurer {
    private static final int CACHE_SIZE = 4096;

    private final Text text = new Text();
    private final Map<String, Double> widths = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    TextMeasurer(Font font) {
        text.setFont(font);
    }

    /** Measures in {@code font} from now on; the remembered widths of another font are dropped. */
    void setFont(Font font) {
        if (!font.equals(text.getFont())) {
            text.setFont(font);
            widths.clear();
        }
    }

    Font font() {
        return text.getFont();
    }

    double width(String s) {
        return widths.computeIfAbsent(s, k -> {
            text.setText(k);
            return text.getLayoutBounds().getWidth();
        });
    }
}
