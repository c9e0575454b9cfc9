list(APPEND CLOVE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/object_types.cpp
  ${CMAKE_CURRENT_LIST_DIR}/array.cpp
  ${CMAKE_CURRENT_LIST_DIR}/string.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/number.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bigdecimal.cpp
  ${CMAKE_CURRENT_LIST_DIR}/function.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unicode.cpp
  ${CMAKE_CURRENT_LIST_DIR}/regex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/regex_java.cpp
  ${CMAKE_CURRENT_LIST_DIR}/loader.cpp)
list(APPEND CLOVE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/host_class.cpp
  ${CMAKE_CURRENT_LIST_DIR}/record.cpp
  ${CMAKE_CURRENT_LIST_DIR}/protocol.cpp
  ${CMAKE_CURRENT_LIST_DIR}/multifn.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tagged.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/data_readers.cpp)
include(${CMAKE_CURRENT_LIST_DIR}/coll/sources.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/natives/sources.cmake OPTIONAL)
