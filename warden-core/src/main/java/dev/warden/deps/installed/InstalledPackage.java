package dev.warden.deps.installed;

import dev.warden.deps.Ecosystem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A package installed in a function's code.
 *
 * @param folder where its files are
 * @param manifest its {@code package.json} or {@code .dist-info} folder, relative to the scan root
 * @param installScripts npm's {@code preinstall}, {@code install} and {@code postinstall} commands
 * @param main the file npm loads first ({@code main}), when the manifest names one
 * @param files the package's files (Python: as its {@code RECORD} lists them), empty to walk the
 *     folder
 */
public record InstalledPackage(
    Ecosystem ecosystem,
    String name,
    String version,
    Path folder,
    String manifest,
    Map<String, String> installScripts,
    Optional<String> main,
    List<Path> files) {

  public InstalledPackage {
    installScripts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(installScripts));
    files = List.copyOf(files);
  }
}
