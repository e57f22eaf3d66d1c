package dev.warden;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of STYLE.md: the model knows none of its users; the core knows no framework. */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.warden");

  @Test
  void theInventoryModelUsesNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("dev.warden.inventory..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.warden.rules..", "dev.warden.report..", "dev.warden.scan..", "dev.warden.cli..")
        .check(CORE);
  }

  @Test
  void theIamModelUsesNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("dev.warden.iam..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.warden.rules..", "dev.warden.report..", "dev.warden.scan..", "dev.warden.cli..")
        .check(CORE);
  }

  @Test
  void reportsReadResultsButDoNotRunScans() {
    noClasses()
        .that()
        .resideInAPackage("dev.warden.report..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.warden.scan.Scan")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("dev.warden.scan.InventoryLoader")
        .check(CORE);
  }

  @Test
  void theCoreDependsOnNoCommandLineCloudSdkOrEngine() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("picocli..", "software.amazon.awssdk..", "org.apache.flink..")
        .check(CORE);
  }
}
