package dev.warden.flink;

import dev.warden.logs.TrailEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Field-by-field serializers for the records the job shuffles most — {@link TrailEvent} and {@link
 * Routed} — instead of Java serialization: each string written once, in a fixed order.
 */
final class RecordSerializers {

  private RecordSerializers() {}

  /** Type information for {@link TrailEvent}. */
  static final TypeInformation<TrailEvent> TRAIL_EVENT =
      new SerializerTypeInfo<>(TrailEvent.class, new EventSerializer());

  /** Type information for {@link Routed}. */
  static final TypeInformation<Routed> ROUTED =
      new SerializerTypeInfo<>(Routed.class, new RoutedSerializer());

  /** Writes a trail event's fields. */
  public static final class EventSerializer extends Immutable<TrailEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(TrailEvent e, DataOutputView out) throws IOException {
      write(e, out);
    }

    @Override
    public TrailEvent deserialize(DataInputView in) throws IOException {
      return read(in);
    }

    @Override
    public TypeSerializerSnapshot<TrailEvent> snapshotConfiguration() {
      return new EventSnapshot();
    }
  }

  /** Writes a routed event: its detector, key, first flag and event. */
  public static final class RoutedSerializer extends Immutable<Routed> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Routed routed, DataOutputView out) throws IOException {
      out.writeInt(routed.detector);
      StringValue.writeString(routed.key, out);
      out.writeBoolean(routed.first);
      write(java.util.Objects.requireNonNull(routed.event), out);
    }

    @Override
    public Routed deserialize(DataInputView in) throws IOException {
      Routed routed = new Routed();
      routed.detector = in.readInt();
      routed.key = StringValue.readString(in);
      routed.first = in.readBoolean();
      routed.event = read(in);
      return routed;
    }

    @Override
    public TypeSerializerSnapshot<Routed> snapshotConfiguration() {
      return new RoutedSnapshot();
    }
  }

  /** Restores the event serializer from a savepoint. */
  public static final class EventSnapshot extends SimpleTypeSerializerSnapshot<TrailEvent> {
    public EventSnapshot() {
      super(EventSerializer::new);
    }
  }

  /** Restores the routed serializer from a savepoint. */
  public static final class RoutedSnapshot extends SimpleTypeSerializerSnapshot<Routed> {
    public RoutedSnapshot() {
      super(RoutedSerializer::new);
    }
  }

  private static void write(TrailEvent e, DataOutputView out) throws IOException {
    StringValue.writeString(e.id(), out);
    out.writeLong(e.time());
    for (String text :
        new String[] {
          e.source(),
          e.name(),
          e.region(),
          e.account(),
          e.sourceIp(),
          e.userAgent(),
          e.errorCode(),
          e.identityType(),
          e.identityArn(),
          e.issuerArn(),
          e.invokedBy(),
          e.accessKeyId()
        }) {
      StringValue.writeString(text, out);
    }
    out.writeInt(e.resources().size());
    for (String resource : e.resources()) {
      StringValue.writeString(resource, out);
    }
    writeMap(e.parameters(), out);
    writeMap(e.response(), out);
  }

  private static TrailEvent read(DataInputView in) throws IOException {
    String id = StringValue.readString(in);
    long time = in.readLong();
    String[] texts = new String[12];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = StringValue.readString(in);
    }
    int count = in.readInt();
    List<String> resources = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      resources.add(StringValue.readString(in));
    }
    Map<String, String> parameters = readMap(in);
    Map<String, String> response = readMap(in);
    return new TrailEvent(
        id,
        time,
        texts[0],
        texts[1],
        texts[2],
        texts[3],
        texts[4],
        texts[5],
        texts[6],
        texts[7],
        texts[8],
        texts[9],
        texts[10],
        texts[11],
        resources,
        parameters,
        response);
  }

  private static void writeMap(Map<String, String> map, DataOutputView out) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> entry : map.entrySet()) {
      StringValue.writeString(entry.getKey(), out);
      StringValue.writeString(entry.getValue(), out);
    }
  }

  private static Map<String, String> readMap(DataInputView in) throws IOException {
    int size = in.readInt();
    Map<String, String> map = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      map.put(StringValue.readString(in), StringValue.readString(in));
    }
    return map;
  }

  /** What the two serializers share: values never changed once made, of variable length. */
  abstract static class Immutable<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
      return this;
    }

    @Override
    public T createInstance() {
      throw new UnsupportedOperationException("no empty instance");
    }

    @Override
    public T copy(T from) {
      return from;
    }

    @Override
    public T copy(T from, T reuse) {
      return from;
    }

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public T deserialize(T reuse, DataInputView in) throws IOException {
      return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
      serialize(deserialize(in), out);
    }

    @Override
    @SuppressWarnings("EqualsGetClass") // each final subclass is its own serializer, all stateless
    public boolean equals(Object other) {
      return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return getClass().hashCode();
    }
  }
}
