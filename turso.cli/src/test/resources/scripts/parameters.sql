-- .parameter: set, list, unset, clear; values as SQL expressions or text; binding in later statements.
.parameter init
.parameter list
SELECT :a IS NULL;
.parameter set :a 42
.parameter set $name 'alice'
.parameter set @word hello
.parameter set :r 2.5
.parameter set :sum 1+2
.parameter set :blob x'00ff'
.parameter set :longer_parameter_name NULL
.parameter list
SELECT :a, $name, @word, :r, :sum, quote(:blob), :longer_parameter_name, :unset;
.parameter unset :a
SELECT :a;
.parameter list
.parameter clear
.parameter list
SELECT $name;
