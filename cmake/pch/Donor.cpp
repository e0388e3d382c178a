// The one source of a target that only builds a precompiled header for others to reuse.
