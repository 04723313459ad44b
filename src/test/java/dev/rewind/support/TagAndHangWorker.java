package dev.rewind.support;

import dev.rewind.catalog.Catalog;
import dev.rewind.catalog.sqlite.SqliteCatalog;
import dev.rewind.domain.Actor;
import dev.rewind.service.Services;
import java.nio.file.Path;
import java.time.Clock;

/** Child process of the travel test: tags a version, says so, and waits (with the catalog open) to be killed. */
public final class TagAndHangWorker {
    private TagAndHangWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        Catalog c = SqliteCatalog.open(Path.of(args[0]), false);
        Services s = new Services(c, new Actor("hang-worker", "h"), Clock.systemUTC());
        s.registry().tag("m", "1.1", "travel", args[1], null);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
