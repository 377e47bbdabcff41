-- .parameter with numbered parameters: "?1" after ":a" is the same parameter, named ":a"; "?1" first is a parameter of its own.
.parameter set :a 5
SELECT :a, ?1;
SELECT ?1, :a;
.parameter set ?1 7
SELECT :a, ?1;
SELECT ?2, :b, ?1;
.parameter list
