package dev.warden.flink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out files in name order — CloudTrail names carry the delivery time, so name order is about
 * event-time order — so that readers side by side stay about one file apart and their watermarks
 * make few events late (Flink's default assigner favours locality, in no time order).
 */
final class OrderedSplits implements FileSplitAssigner {

  /** Creates the assigner for the file source. */
  static final class Provider implements FileSplitAssigner.Provider {
    private static final long serialVersionUID = 1L;

    @Override
    public FileSplitAssigner create(Collection<FileSourceSplit> splits) {
      return new OrderedSplits(splits);
    }
  }

  private static final Comparator<FileSourceSplit> ORDER =
      Comparator.comparing((FileSourceSplit s) -> s.path().toString())
          .thenComparingLong(FileSourceSplit::offset)
          .thenComparing(FileSourceSplit::splitId);

  private final TreeSet<FileSourceSplit> remaining = new TreeSet<>(ORDER);

  OrderedSplits(Collection<FileSourceSplit> splits) {
    remaining.addAll(splits);
  }

  @Override
  public Optional<FileSourceSplit> getNext(String hostname) {
    return Optional.ofNullable(remaining.pollFirst());
  }

  @Override
  public void addSplits(Collection<FileSourceSplit> splits) {
    remaining.addAll(splits);
  }

  @Override
  public Collection<FileSourceSplit> remainingSplits() {
    List<FileSourceSplit> list = new ArrayList<>(remaining);
    return list;
  }
}
