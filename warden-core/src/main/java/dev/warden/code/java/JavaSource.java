package dev.warden.code.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.util.Optional;

/** Parses Java source once for every reader of the package. */
public final class JavaSource {

  private JavaSource() {}

  /**
   * The compilation unit, Java 21 syntax; what JavaParser could read of a broken file (possibly
   * nothing).
   */
  public static Optional<CompilationUnit> parse(String source) {
    return new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
        .parse(source)
        .getResult();
  }
}
