package org.caveat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the team's shared folder ({@code ../shared}); tests that need it skip when it is absent, as in a user's clone. */
public final class Shared {
    private Shared() {
    }

    /** @return the shared folder, or skips the calling test when there is none */
    public static Path require() {
        Path p = Path.of(System.getProperty("caveat.shared", "../shared"));
        assumeTrue(Files.isDirectory(p.resolve("spec")), "no ../shared folder next to the project: skipped");
        return p;
    }

    /**
     * @param relative a path inside the shared folder
     * @return that path, or skips the calling test when it does not exist
     */
    public static Path require(String relative) {
        Path p = require().resolve(relative);
        assumeTrue(Files.exists(p), relative + " is not in ../shared: skipped");
        return p;
    }
}
