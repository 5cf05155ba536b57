package org.hersj.reduction.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary encoding of records (configuration, provenance) inside model files: components in declaration
 * order; supports int, long, double, boolean, nullable String, nested records and Lists of those. Reading
 * goes through the canonical constructor, so a stored configuration is validated again when loaded.
 */
final class RecordCodec {

    private RecordCodec() {
    }

    static void write(DataOutputStream out, Record record) throws IOException {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                writeValue(out, c.getGenericType(), c.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
    }

    static <R extends Record> R read(DataInputStream in, Class<R> type) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = readValue(in, components[i].getGenericType());
            types[i] = components[i].getType();
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IOException("stored " + type.getSimpleName() + " is invalid: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    private static void writeValue(DataOutputStream out, Type type, Object value) throws IOException {
        Class<?> raw = raw(type);
        if (raw == int.class || raw == Integer.class) {
            out.writeInt((Integer) value);
        } else if (raw == long.class) {
            out.writeLong((Long) value);
        } else if (raw == double.class || raw == Double.class) {
            out.writeDouble((Double) value);
        } else if (raw == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (raw == String.class) {
            out.writeBoolean(value != null);
            if (value != null) {
                out.writeUTF((String) value);
            }
        } else if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object item : list) {
                writeValue(out, element, item);
            }
        } else if (Record.class.isAssignableFrom(raw)) {
            write(out, (Record) value);
        } else {
            throw new IllegalStateException("unsupported component type " + type);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object readValue(DataInputStream in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw == int.class || raw == Integer.class) {
            return in.readInt();
        } else if (raw == long.class) {
            return in.readLong();
        } else if (raw == double.class || raw == Double.class) {
            return in.readDouble();
        } else if (raw == boolean.class) {
            return in.readBoolean();
        } else if (raw == String.class) {
            return in.readBoolean() ? in.readUTF() : null;
        } else if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            int n = in.readInt();
            if (n < 0 || n > 1_000_000) {
                throw new IOException("implausible list length " + n);
            }
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(readValue(in, element));
            }
            return list;
        } else if (Record.class.isAssignableFrom(raw)) {
            return read(in, (Class<? extends Record>) raw);
        }
        throw new IllegalStateException("unsupported component type " + type);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
