list(APPEND CLOVE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/char_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/read_literal.cpp
  ${CMAKE_CURRENT_LIST_DIR}/read_token.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/source_map.cpp
  ${CMAKE_CURRENT_LIST_DIR}/syntax_quote.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../runtime/print.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../runtime/bignum.cpp)
