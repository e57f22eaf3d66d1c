package dev.warden.inventory;

/** One environment variable of a function, with the line that sets it. */
public record EnvironmentVariable(String name, SymbolicText value, SourceLocation at) {}
