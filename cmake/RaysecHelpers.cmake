# Shared build settings and small helpers for Raysec's targets.

set(RAYSEC_COMMON_DEFINITIONS
    QT_NO_KEYWORDS
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_CAST_FROM_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    RAYSEC_VERSION="${PROJECT_VERSION}")

# Applies the project's warnings and definitions to a target.
function(raysec_target_defaults target)
    target_compile_definitions(${target} PRIVATE ${RAYSEC_COMMON_DEFINITIONS})
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                           -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
                           -Wno-unused-parameter)
    if(RAYSEC_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# raysec_core_module(NAME SOURCES ... [LIBS ...])
# A static library for one folder of core/. Core modules may link QtCore, QtNetwork, QtSql and
# the crypto and JSON libraries, never QtGui or QtWidgets.
function(raysec_core_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_library(raysec_core_${name} STATIC ${ARG_SOURCES})
    target_include_directories(raysec_core_${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(raysec_core_${name} PUBLIC Qt6::Core ${ARG_LIBS})
    raysec_target_defaults(raysec_core_${name})
    set_target_properties(raysec_core_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# raysec_add_test(NAME SOURCES ... [LIBS ...] [LABELS ...] [ENV ...])
# A Qt Test executable registered with CTest. Tests fail on any Qt warning.
function(raysec_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${name} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/tests/support/TestMain.h)
    target_link_libraries(${name} PRIVATE Qt6::Test raysec_test_support ${ARG_LIBS})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}
                               ${PROJECT_SOURCE_DIR}/tests)
    raysec_target_defaults(${name})
    target_compile_definitions(${name} PRIVATE
        RAYSEC_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        RAYSEC_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
                         ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENV}")
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
