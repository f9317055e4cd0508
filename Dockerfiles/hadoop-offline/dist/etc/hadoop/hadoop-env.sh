# shellcheck shell=bash
# Sourced by bin/hdfs and bin/hadoop before every command (hind's offline
# Hadoop 2.7.3 distribution). Keep it free of side effects: only set variables.
#
# JAVA_HOME is taken from the environment (the image sets it), else from the
# java on PATH.
# export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
#
# Max heap of every command, in MB (default 1000):
# export HADOOP_HEAPSIZE=1000
#
# JVM options for all commands, and per daemon / for client commands:
# export HADOOP_OPTS=""
# export HADOOP_NAMENODE_OPTS=""
# export HADOOP_DATANODE_OPTS=""
# export HADOOP_SECONDARYNAMENODE_OPTS=""
# export HADOOP_CLIENT_OPTS=""
#
# Logging goes to the console (stderr) at INFO, see log4j.properties:
# export HADOOP_ROOT_LOGGER=INFO,console
