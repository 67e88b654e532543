/* applications: being written (issue 16). */
