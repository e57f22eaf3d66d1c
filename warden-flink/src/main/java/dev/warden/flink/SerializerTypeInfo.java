package dev.warden.flink;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink type information for one of the job's own serializers. */
final class SerializerTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;
  private final Class<T> type;
  private final TypeSerializer<T> serializer;

  SerializerTypeInfo(Class<T> type, TypeSerializer<T> serializer) {
    this.type = type;
    this.serializer = serializer;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer;
  }

  @Override
  public String toString() {
    return "Warden<" + type.getSimpleName() + ", " + serializer.getClass().getSimpleName() + ">";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SerializerTypeInfo<?> that
        && that.type.equals(type)
        && that.serializer.equals(serializer);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + serializer.hashCode();
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof SerializerTypeInfo;
  }
}
