/* space: being written (issue 16). */
