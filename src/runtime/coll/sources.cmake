# Persistent collections and the generic collection operations (runtime/coll.h).
list(APPEND CLOVE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/array_map.cpp
  ${CMAKE_CURRENT_LIST_DIR}/array_seq.cpp
  ${CMAKE_CURRENT_LIST_DIR}/chunk.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coll_ops.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coll_types.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coll_util.cpp
  ${CMAKE_CURRENT_LIST_DIR}/compare.cpp
  ${CMAKE_CURRENT_LIST_DIR}/equiv.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hash.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hash_map.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hash_set.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lazy_seq.cpp
  ${CMAKE_CURRENT_LIST_DIR}/list.cpp
  ${CMAKE_CURRENT_LIST_DIR}/map_ops.cpp
  ${CMAKE_CURRENT_LIST_DIR}/map_seq.cpp
  ${CMAKE_CURRENT_LIST_DIR}/queue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/range.cpp
  ${CMAKE_CURRENT_LIST_DIR}/seq_ops.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sorted_map.cpp
  ${CMAKE_CURRENT_LIST_DIR}/string_seq.cpp
  ${CMAKE_CURRENT_LIST_DIR}/transient.cpp
  ${CMAKE_CURRENT_LIST_DIR}/vector.cpp)
