Console.WriteLine("blueprint");
