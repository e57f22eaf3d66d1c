package dev.warden.rules;

/** The OWASP Serverless Top 10 (2017) risks a finding belongs to. */
public enum Owasp {
  SAS_1("SAS-1", "Function event-data injection"),
  SAS_2("SAS-2", "Broken authentication"),
  SAS_3("SAS-3", "Insecure serverless deployment configuration"),
  SAS_4("SAS-4", "Over-privileged function permissions and roles"),
  SAS_5("SAS-5", "Inadequate function monitoring and logging"),
  SAS_6("SAS-6", "Insecure third-party dependencies"),
  SAS_7("SAS-7", "Insecure application secrets storage"),
  SAS_8("SAS-8", "Denial of service and financial resource exhaustion"),
  SAS_9("SAS-9", "Serverless business logic manipulation"),
  SAS_10("SAS-10", "Improper exception handling and verbose error messages");

  private final String id;
  private final String title;

  Owasp(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }
}
