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
                           -Wno-unused-parameter -Winvalid-pch)
    if(RAYSEC_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# Precompiled headers. Most of the build's time goes into parsing the same Qt, JSON and Asio
# headers again for every file, so each kind of target reuses one precompiled header, built
# once by a small donor target (raysec_pch_<kind>, from cmake/pch/<Kind>.h). A header compiled
# with one target's definitions is only valid for targets whose definitions mean the same to
# it; -Winvalid-pch reports any target for which it is not, and CI (-Werror) then fails.
option(RAYSEC_PCH "Reuse precompiled headers for the common Qt, JSON and Asio headers" ON)

# raysec_pch_donor(KIND HEADER LIBS ...): the donor target for one kind of precompiled header.
function(raysec_pch_donor kind header)
    if(NOT RAYSEC_PCH)
        return()
    endif()
    add_library(raysec_pch_${kind} OBJECT ${PROJECT_SOURCE_DIR}/cmake/pch/Donor.cpp)
    target_link_libraries(raysec_pch_${kind} PRIVATE ${ARGN})
    raysec_target_defaults(raysec_pch_${kind})
    target_precompile_headers(raysec_pch_${kind} PRIVATE ${PROJECT_SOURCE_DIR}/cmake/pch/${header})
    set_target_properties(raysec_pch_${kind} PROPERTIES POSITION_INDEPENDENT_CODE ON
                          AUTOMOC OFF)
endfunction()

# raysec_precompiled_headers(TARGET KIND): TARGET reuses the donor's precompiled header.
function(raysec_precompiled_headers target kind)
    if(RAYSEC_PCH)
        target_precompile_headers(${target} REUSE_FROM raysec_pch_${kind})
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
    raysec_precompiled_headers(raysec_core_${name} core)
    set_target_properties(raysec_core_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# raysec_add_test(NAME SOURCES ... [LIBS ...] [LABELS ...] [ENV ...])
# A Qt Test executable registered with CTest. Tests fail on any Qt warning.
function(raysec_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${name} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/tests/support/TestMain.h)
    target_link_libraries(${name} PRIVATE raysec_test_support ${ARG_LIBS})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}
                               ${PROJECT_SOURCE_DIR}/tests)
    raysec_target_defaults(${name})
    if(CMAKE_CURRENT_SOURCE_DIR MATCHES "/tests/ui")
        raysec_precompiled_headers(${name} widget_tests)
    else()
        raysec_precompiled_headers(${name} tests)
    endif()
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
