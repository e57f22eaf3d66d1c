package dev.warden.flink;

import dev.warden.logs.TrailReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.jspecify.annotations.Nullable;

/**
 * CloudTrail files for Flink's file source, read by the core's reader: a delivered {@code Records}
 * file or JSON Lines, gzipped or not (told by content). A file is one split — it is one JSON value
 * — read whole; its records, and the problems met (with the file's path and the line), are handed
 * on in file order. A restored split skips the records already handed on.
 */
final class TrailFormat implements BulkFormat<TrailItem, FileSourceSplit> {

  private static final long serialVersionUID = 1L;

  @Override
  public BulkFormat.Reader<TrailItem> createReader(Configuration config, FileSourceSplit split)
      throws IOException {
    return reader(split, 0);
  }

  @Override
  public BulkFormat.Reader<TrailItem> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    long skip = split.getReaderPosition().map(p -> p.getRecordsAfterOffset()).orElse(0L);
    return reader(split, skip);
  }

  private static BulkFormat.Reader<TrailItem> reader(FileSourceSplit split, long skip)
      throws IOException {
    Path path = split.path();
    List<TrailItem> items = new ArrayList<>();
    try (FSDataInputStream in = path.getFileSystem().open(path)) {
      TrailReader.read(
          path.getPath(),
          in,
          event -> items.add(TrailItem.of(event)),
          problem -> items.add(TrailItem.of(problem)));
    }
    List<TrailItem> rest = items.subList((int) Math.min(skip, items.size()), items.size());
    return new BulkFormat.Reader<>() {
      private boolean done;

      @Override
      public @Nullable RecordIterator<TrailItem> readBatch() {
        if (done) {
          return null;
        }
        done = true;
        return new IteratorResultIterator<>(rest.iterator(), 0, skip);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<TrailItem> getProducedType() {
    return TypeInformation.of(TrailItem.class);
  }
}
