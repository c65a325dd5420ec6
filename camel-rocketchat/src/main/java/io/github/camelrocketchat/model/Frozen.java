package io.github.camelrocketchat.model;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The deeply unmodifiable maps and lists that {@link Values#frozen} makes. Their own types, so that freezing one
 * again (a message frozen as an event's args, then read into its record) returns it as it is instead of copying the
 * whole tree once more: that copy ran once per field per message on the inbound path.
 */
final class Frozen {
    private Frozen() {
    }

    static final class FrozenMap extends AbstractMap<String, Object> {
        private final Map<String, Object> view;

        FrozenMap(Map<String, Object> contents) {
            this.view = Collections.unmodifiableMap(contents);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return view.entrySet();
        }

        @Override
        public Object get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public int size() {
            return view.size();
        }
    }

    static final class FrozenList extends AbstractList<Object> implements RandomAccess {
        private final List<Object> contents;

        FrozenList(List<Object> contents) {
            this.contents = contents;
        }

        @Override
        public Object get(int index) {
            return contents.get(index);
        }

        @Override
        public int size() {
            return contents.size();
        }
    }
}
