package dev.warden.inventory.snapshot;

/**
 * Where a snapshot folder keeps the files that are not AWS answers: the deployment packages and
 * layers {@code warden collect aws --with-code} downloads. The collector writes them here and the
 * snapshot reader looks for them here.
 */
public final class SnapshotLayout {

  private SnapshotLayout() {}

  /** A resource name as a safe file or folder name. */
  public static String segment(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** {@code code/REGION/NAME.zip}: a function's deployment package. */
  public static String functionPackage(String region, String function) {
    return "code/" + region + "/" + segment(function) + ".zip";
  }

  /** {@code layers/REGION/NAME-VERSION.zip}: a layer version's content. */
  public static String layerPackage(String region, String layer, String version) {
    return "layers/" + region + "/" + segment(layer) + "-" + version + ".zip";
  }
}
