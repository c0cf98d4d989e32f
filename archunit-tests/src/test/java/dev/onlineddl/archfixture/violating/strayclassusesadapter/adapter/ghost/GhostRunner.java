package dev.onlineddl.archfixture.violating.strayclassusesadapter.adapter.ghost;

/** Violating fixture's counterpart: an adapter class. */
public final class GhostRunner {
    public String command() {
        return "gh-ost";
    }
}
