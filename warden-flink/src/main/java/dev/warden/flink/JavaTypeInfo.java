package dev.warden.flink;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

/**
 * Flink type information for the core's records and detector states: Java serialization. The core
 * stays free of Flink, its records hold immutable JDK collections that Kryo cannot rebuild on Java
 * 17 without opening the JDK's modules, and every type involved is {@link Serializable} already.
 * Immutable types are passed between chained operators as they are; mutable ones (states) are
 * copied by a serialization round trip.
 */
final class JavaTypeInfo {

  private JavaTypeInfo() {}

  /** For records and values never changed once made. */
  static <T extends Serializable> TypeInformation<T> immutable(Class<T> type) {
    return new SerializerTypeInfo<>(type, new Serializer<>(type, true));
  }

  /** For states, changed in place. */
  static <T extends Serializable> TypeInformation<T> mutable(Class<T> type) {
    return new SerializerTypeInfo<>(type, new Serializer<>(type, false));
  }

  /** Writes each value as its length and its Java serialization. */
  static final class Serializer<T extends Serializable> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final boolean immutable;

    Serializer(Class<T> type, boolean immutable) {
      this.type = type;
      this.immutable = immutable;
    }

    @Override
    public boolean isImmutableType() {
      return immutable;
    }

    @Override
    public TypeSerializer<T> duplicate() {
      return this;
    }

    @Override
    public T createInstance() {
      throw new UnsupportedOperationException(type.getName() + " has no empty instance");
    }

    @Override
    public T copy(T from) {
      if (immutable) {
        return from;
      }
      try {
        return InstantiationUtil.clone(from, type.getClassLoader());
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException("cannot copy a " + type.getName(), e);
      }
    }

    @Override
    public T copy(T from, T reuse) {
      return copy(from);
    }

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
      byte[] bytes = InstantiationUtil.serializeObject(record);
      target.writeInt(bytes.length);
      target.write(bytes);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
      byte[] bytes = new byte[source.readInt()];
      source.readFully(bytes);
      try {
        return type.cast(
            InstantiationUtil.deserializeObject(
                bytes, Thread.currentThread().getContextClassLoader()));
      } catch (ClassNotFoundException e) {
        throw new IOException("cannot read a " + type.getName(), e);
      }
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
      return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
      int length = source.readInt();
      target.writeInt(length);
      target.write(source, length);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Serializer<?> that
          && that.type.equals(type)
          && that.immutable == immutable;
    }

    @Override
    public int hashCode() {
      return type.hashCode() * 31 + (immutable ? 1 : 0);
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
      return new Snapshot<>(type, immutable);
    }
  }

  /** Remembers the type's name and mutability across savepoints. */
  public static final class Snapshot<T extends Serializable> implements TypeSerializerSnapshot<T> {

    private Class<T> type;
    private boolean immutable;

    /** For Flink, which restores a snapshot before reading it. */
    @SuppressWarnings("unchecked")
    public Snapshot() {
      this.type = (Class<T>) (Class<?>) Serializable.class;
    }

    Snapshot(Class<T> type, boolean immutable) {
      this.type = type;
      this.immutable = immutable;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(type.getName());
      out.writeBoolean(immutable);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
      try {
        type = (Class<T>) Class.forName(in.readUTF(), false, loader);
      } catch (ClassNotFoundException e) {
        throw new IOException(e);
      }
      immutable = in.readBoolean();
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return new Serializer<>(type, immutable);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
        TypeSerializerSnapshot<T> old) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
  }
}
